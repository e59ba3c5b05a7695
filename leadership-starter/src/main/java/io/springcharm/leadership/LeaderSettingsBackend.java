package io.springcharm.leadership;

import java.util.Map;

import io.springcharm.framework.tool.HookTools;

/**
 * Settings kept in Juju's leader settings, through {@code leader-get} and
 * {@code leader-set}. Juju writes them at once (a failed hook does not undo a write) and
 * runs {@code leader-settings-changed} on the other units. Removed in Juju 4.
 */
public final class LeaderSettingsBackend implements LeadershipBackend {

	/** The name of this back end in {@code charm.leadership.backend}. */
	public static final String NAME = "leader-settings";

	private final HookTools tools;

	/**
	 * @param tools the hook tools
	 */
	public LeaderSettingsBackend(HookTools tools) {
		this.tools = tools;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String writeTool() {
		return "leader-set";
	}

	@Override
	public boolean isAvailable() {
		return true;
	}

	@Override
	public Map<String, String> read() {
		return this.tools.leaderGet();
	}

	@Override
	public void check(String key, String value) {
		HookTools.checkArgumentValue("leader-set", key, value);
	}

	@Override
	public void write(Map<String, String> values) {
		this.tools.leaderSet(values);
	}

	@Override
	public String toString() {
		return NAME;
	}
}
