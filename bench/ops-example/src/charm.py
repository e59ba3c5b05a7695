#!/usr/bin/env python3
"""The Leadership layer's README example as a Python ops charm.

A reference for measuring hook cost next to the Spring Charm example-charm: it does
the same work in every hook. The leader generates an admin password once and
publishes it in the peer relation's application data (the ops way to share a value
from the leader; ops has no wrapper for the older leader-get/leader-set). Every unit
writes the password to a private file whenever it differs from what is on disk, and
sets its status only when the status changed since it last set one.
"""

import logging
import os
import secrets
import string
from pathlib import Path

import ops

logger = logging.getLogger(__name__)

PEER = 'cluster'
KEY = 'admin-password'
LENGTH = 32
ALPHABET = string.ascii_letters + string.digits


class OpsExampleCharm(ops.CharmBase):
    """Generates the password on the leader and keeps every unit's file and status right."""

    _stored = ops.StoredState()

    def __init__(self, framework: ops.Framework):
        super().__init__(framework)
        self._stored.set_default(written_to='', status='')
        # The Java example reconciles after every hook; these are the hooks this charm sees.
        for event in (
            self.on.install,
            self.on.start,
            self.on.config_changed,
            self.on.update_status,
            self.on.leader_elected,
            self.on.leader_settings_changed,
            self.on.upgrade_charm,
            self.on[PEER].relation_created,
            self.on[PEER].relation_joined,
            self.on[PEER].relation_changed,
            self.on[PEER].relation_departed,
        ):
            framework.observe(event, self._reconcile)

    def _reconcile(self, event: ops.EventBase) -> None:
        peers = self.model.get_relation(PEER)
        leader = self.unit.is_leader()
        password = peers.data[self.app].get(KEY) if peers is not None else None
        if password is None and leader and peers is not None:
            password = ''.join(secrets.choice(ALPHABET) for _ in range(LENGTH))
            peers.data[self.app][KEY] = password
        if password is None:
            self._set_status(
                ops.WaitingStatus(
                    'generating the admin password'
                    if leader
                    else 'waiting for the leader to set the admin password'
                )
            )
            return
        self._write_file(password)
        self._set_status(ops.ActiveStatus())

    def _password_path(self) -> Path:
        configured = str(self.config['password-file'])
        path = Path(configured)
        if path.is_absolute():
            # In the local model several units share one host: like the Java example's
            # machinePath(), put absolute paths under the unit's stand-in for '/'.
            machine_root = os.environ.get('SPRING_CHARM_MACHINE_ROOT')
            if machine_root:
                return Path(machine_root) / path.relative_to(path.anchor)
            return path
        return self.charm_dir.resolve().parent / path

    def _write_file(self, password: str) -> None:
        target = self._password_path()
        try:
            current = target.read_text()
        except FileNotFoundError:
            current = None
        if current != password:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, 'w') as f:
                f.write(password)
            os.chmod(target, 0o600)
        previous = self._stored.written_to
        if previous and previous != str(target):
            Path(previous).unlink(missing_ok=True)
        if previous != str(target):
            self._stored.written_to = str(target)

    def _set_status(self, status: ops.StatusBase) -> None:
        # Juju keeps a status until it is set again: send it only when it changed.
        value = f'{status.name}\n{status.message}'
        if value != self._stored.status:
            self.unit.status = status
            self._stored.status = value


if __name__ == '__main__':
    ops.main(OpsExampleCharm)
