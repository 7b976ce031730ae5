"""A real SMTP server on loopback (aiosmtpd) keeping the messages it gets."""
import email
import email.policy
import threading
import time

from aiosmtpd.controller import Controller

from .stack import free_ports


class SmtpSink:

    def __init__(self):
        self.port = free_ports(1)[0]
        self.messages = []
        self._arrived = threading.Condition()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._arrived:
            self.messages.append((list(envelope.rcpt_tos), message))
            self._arrived.notify_all()
        return "250 OK"

    def wait_for(self, recipient, timeout=120):
        """The first message sent to ``recipient``, waiting for it."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for recipients, message in self.messages:
                    if recipient in recipients:
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("no message for %s within %ds (got %s)" % (
                        recipient, timeout, [rcpt for rcpt, _message in self.messages]))
                self._arrived.wait(left)
