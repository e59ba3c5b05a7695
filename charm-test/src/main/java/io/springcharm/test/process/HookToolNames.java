package io.springcharm.test.process;

import java.util.List;

/**
 * Every hook tool the local model puts on a hook's {@code PATH} (juju-reference §3). Each is a
 * link to the one client; the in-memory Juju decides what it supports.
 */
public final class HookToolNames {

	/** The tool names. */
	public static final List<String> ALL = List.of("config-get", "is-leader", "leader-get", "leader-set",
			"relation-ids", "relation-list", "relation-get", "relation-set", "relation-model-get", "status-set",
			"status-get", "juju-log", "juju-reboot", "unit-get", "open-port", "close-port", "opened-ports",
			"application-version-set", "network-get", "action-get", "action-set", "action-fail", "action-log",
			"storage-get", "storage-list", "storage-add", "state-get", "state-set", "state-delete", "secret-add",
			"secret-get", "secret-set", "secret-info-get", "secret-ids", "secret-grant", "secret-revoke",
			"secret-remove", "goal-state", "credential-get", "resource-get");

	private HookToolNames() {
	}
}
