# Copyright 2026 Défis
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Asset bundles generated once per server, not once per waiting visitor.

Odoo 11 compiles a missing bundle (lessc, JavaScript minification) in the
request that needs it, inside that request's transaction: thirty visitors
arriving together at a freshly started server each compile the same bundles
and wait minutes. Here the first request compiles it in a cursor of its own,
committed at once, under a database lock: the other threads and workers wait
for it, then find the committed files.
"""
import threading
import zlib
from collections import defaultdict

from odoo.addons.base.ir.ir_qweb.assetsbundle import AssetsBundle

# first key of the PostgreSQL advisory locks taken here ("DEFA")
LOCK_NAMESPACE = 0x44454641
_THREAD_LOCKS = defaultdict(threading.Lock)
_THREAD_LOCKS_GUARD = threading.Lock()


class AttachmentUrl(object):
    """What a page needs of a bundle's file: its URL (the file was committed
    by another cursor, which the request's snapshot may not see)."""

    def __init__(self, url):
        self.url = url


def _thread_lock(key):
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS[key]


class SharedAssetsBundle(AssetsBundle):
    """A bundle whose missing files are generated once for every thread and
    worker of the server."""

    def js(self):
        found = self.get_attachments("js")
        return found[0] if found else self._generate_apart("js")[0]

    def css(self):
        return self.get_attachments("css") or self._generate_apart("css")

    def _generate_apart(self, kind):
        """Generate (or find, if another request just did) the bundle's
        ``kind`` files in a committed cursor of its own; their URLs."""
        key = "%s:%s:%s" % (self.env.cr.dbname, self.name, kind)
        with _thread_lock(key), self.env.registry.cursor() as cr:
            cr.execute("SELECT pg_advisory_xact_lock(%s, %s)",
                       (LOCK_NAMESPACE, zlib.crc32(key.encode()) - 2 ** 31))
            bundle = AssetsBundle(self.name, self.files, env=self.env(cr=cr))
            files = bundle.js() if kind == "js" else bundle.css()
            urls = [AttachmentUrl(attachment.url) for attachment in files]
            self.css_errors = bundle.css_errors
            # the files are shared with every request, whatever becomes of this one
            cr.commit()  # pylint: disable=invalid-commit
        return urls
