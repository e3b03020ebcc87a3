# syntax=docker/dockerfile:1
#
# One image holding every executable of the suite (gateway, loyalty, discounts, helpdesk, reviews,
# personal-data, suite). docker-compose.yml runs one container per service and picks the executable
# by its `command`; with no command the image runs the whole suite in one container:
#
#   docker build -t zaplecze .
#   docker run --init -p 8080:8080 -v zaplecze-data:/data zaplecze
#
# The builder and the runtime share one Debian release, so the binaries find the same glibc and
# libsqlite3. The Swift runtime and Foundation are linked in (--static-swift-stdlib), so the
# runtime image needs no Swift toolchain.

ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${SWIFT_IMAGE} AS build

RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libsqlite3-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# The manifest declares the test targets too, and SwiftPM checks every target's folder exists,
# so Tests/ is copied although nothing in it is built.
COPY Package.swift ./
COPY Shared ./Shared
COPY Services ./Services
COPY Tests ./Tests

RUN --mount=type=cache,target=/src/.build \
    swift build -c release --static-swift-stdlib \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir -p /out \
    && for exe in gateway loyalty discounts helpdesk reviews personal-data suite; do \
         cp "$bin/$exe" /out/ && strip "/out/$exe"; \
       done

# ---------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}

# libsqlite3-0: the databases; curl: the compose health checks (GET /ready);
# ca-certificates and tzdata: TLS to a mail server, time zones in Foundation.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libsqlite3-0 curl ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/*

# An unprivileged user owning /data: a new named volume mounted there copies this ownership.
RUN groupadd --system --gid 10001 zaplecze \
    && useradd --system --uid 10001 --gid zaplecze --home-dir /data --shell /usr/sbin/nologin zaplecze \
    && mkdir -p /data \
    && chown zaplecze:zaplecze /data \
    && chmod 0700 /data

COPY --from=build /out/ /usr/local/bin/
# The admin panel's static files (no build step): the gateway serves them at /admin.
COPY Services/Gateway/Panel /usr/local/share/zaplecze/panel
ENV ZAPLECZE_PANEL_DIR=/usr/local/share/zaplecze/panel
# The fonts PDF documents embed (DejaVu Sans, with its licence), read at run time.
COPY Shared/PDF/Fonts /usr/local/share/zaplecze/fonts
ENV ZAPLECZE_FONTS_DIR=/usr/local/share/zaplecze/fonts

USER zaplecze:zaplecze
WORKDIR /data
EXPOSE 8080 8081 8082 8083 8084 8085

# No ENTRYPOINT: the command names the executable (see docker-compose.yml).
CMD ["suite", "--host", "0.0.0.0", "--port", "8080", "--data-dir", "/data"]
