# Défis suite: Odoo 11 with the association's add-ons, CPython 3.7 on Debian 12.
# See docker-compose.yml for how to run it.
FROM python:3.7-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# System tools: PDF reports (wkhtmltopdf), browser tests (Chromium and its
# driver), pdftotext, fonts, lessc (npm), pg_isready, msgmerge, and the tools
# the workshop's probe runs (its test erases a loop device: the container
# needs --privileged for losetup).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        wkhtmltopdf \
        chromium \
        chromium-driver \
        poppler-utils \
        fonts-dejavu-core \
        npm \
        postgresql-client-15 \
        gettext \
        libpq5 \
        patch \
        nwipe \
        lshw \
        smartmontools \
        dmidecode \
        zbar-tools \
    && rm -rf /var/lib/apt/lists/*

# lessc 3 for Odoo's assets
RUN npm install -g --no-audit --no-fund less@3.13.1 \
    && npm cache clean --force \
    && lessc --version

# Pinned Python libraries, then Odoo 11.0 and the OCA add-ons (--no-deps),
# in the image's own Python.
WORKDIR /opt/defis
COPY config/requirements.lock config/odoo-wheels.txt config/
RUN pip install --no-cache-dir -r config/requirements.lock \
    && pip install --no-cache-dir --no-deps -r config/odoo-wheels.txt \
    && python -c "import odoo, odoo.addons.base"

# The security patches of Odoo's files, by the script scripts/setup.sh runs
COPY patches patches
COPY scripts/apply_odoo_patches.sh scripts/
RUN scripts/apply_odoo_patches.sh "$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"

# The project, listed so that a local .venv, .data or .tools stays out
# (the bracketed names are optional files).
COPY Makefile setup.cfg conftest.py .pylintr[c] README.m[d] ./
COPY config config
COPY scripts scripts
COPY addons addons
COPY tests tests
COPY docker docker

RUN useradd --uid 1000 --create-home --shell /bin/bash odoo \
    && mkdir -p /var/lib/odoo /etc/odoo /opt/defis/artifacts/screenshots \
    && chown odoo:odoo /var/lib/odoo /etc/odoo /opt/defis/artifacts /opt/defis/artifacts/screenshots \
    && chmod 755 /opt/defis/docker/entrypoint.sh

VOLUME ["/var/lib/odoo"]
USER odoo
EXPOSE 8069 8072
ENTRYPOINT ["/opt/defis/docker/entrypoint.sh"]
CMD ["run"]
