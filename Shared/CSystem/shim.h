#ifndef ZAPLECZE_CSYSTEM_SHIM_H
#define ZAPLECZE_CSYSTEM_SHIM_H
/* Linux interfaces the Glibc module does not export: epoll, eventfd, prctl, accept4.
   No _GNU_SOURCE here: it would change shared definitions (fd_set) against the Glibc module. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <signal.h>

extern int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);

/// Names the calling thread (15 bytes at most), as `top -H` and `ps -L` show it.
static inline int zapleczeSetThreadName(const char *name) { return prctl(PR_SET_NAME, name, 0, 0, 0); }
/// Asks the kernel to send `signal` to this process when its parent dies.
static inline int zapleczeSetParentDeathSignal(int signal) { return prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0); }
/// Accepts one connection as a non-blocking, close-on-exec socket.
static inline int zapleczeAccept(int fd) { return accept4(fd, 0, 0, SOCK_NONBLOCK | SOCK_CLOEXEC); }
#endif
