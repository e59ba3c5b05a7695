package io.springcharm.leadership.support;

/**
 * The two back ends as a test runs them: the Juju version that makes {@code auto} pick each,
 * and the hook Juju runs on followers when the leader writes.
 */
public enum Backend {

	/** Juju 3.6: leader-get and leader-set. */
	LEADER_SETTINGS("3.6.5", "leader-settings-changed"),

	/** Juju 4: the peer relation's application data bag. */
	PEER_RELATION("4.0.0", "cluster-relation-changed");

	private final String jujuVersion;

	private final String followerHook;

	Backend(String jujuVersion, String followerHook) {
		this.jujuVersion = jujuVersion;
		this.followerHook = followerHook;
	}

	public String jujuVersion() {
		return this.jujuVersion;
	}

	public String followerHook() {
		return this.followerHook;
	}

	/** The tool a write runs. */
	public String writeTool() {
		return (this == LEADER_SETTINGS) ? "leader-set" : "relation-set";
	}
}
