import SuiteCore
