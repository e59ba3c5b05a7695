package io.springcharm.test.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.hook.HookKind;
import io.springcharm.framework.metadata.ActionSpec;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.metadata.ConfigOption;
import io.springcharm.framework.metadata.Endpoint;

/** Rejects scenario input that Juju could never produce for the charm. */
final class ConsistencyChecker {

	private static final String UNIT = "[a-z][a-z0-9-]*/[0-9]+";

	private final CharmMetadata metadata;

	private final String appName;

	private final String unitName;

	ConsistencyChecker(CharmMetadata metadata, String appName, String unitName) {
		this.metadata = metadata;
		this.appName = appName;
		this.unitName = unitName;
	}

	void check(Event event, State state) {
		checkConfig(state.config());
		checkRelations(state.relations());
		checkSecrets(state);
		checkEvent(event, state);
	}

	private void checkConfig(Map<String, Object> config) {
		config.forEach((name, value) -> {
			ConfigOption option = this.metadata.options().get(name);
			if (option == null) {
				fail("config option '" + name + "' is not declared in config.yaml (declared: "
						+ new java.util.TreeSet<>(this.metadata.options().keySet()) + ")");
			}
			if (!option.accepts(value)) {
				fail("config option '" + name + "' is declared as " + option.type().yamlName()
						+ " in config.yaml; a " + value.getClass().getSimpleName() + " cannot come from Juju");
			}
		});
	}

	private void checkRelations(List<RelationSpec> relations) {
		Set<Integer> ids = new HashSet<>();
		for (RelationSpec relation : relations) {
			if (!ids.add(relation.id())) {
				fail("relation id " + relation.id() + " is used twice; give every relation its own id");
			}
			Endpoint endpoint = this.metadata.endpoints().get(relation.endpoint());
			if (endpoint == null) {
				fail("relation endpoint '" + relation.endpoint() + "' is not declared in metadata.yaml (declared: "
						+ new java.util.TreeSet<>(this.metadata.endpoints().keySet()) + ")");
			}
			if (relation instanceof PeerRelation peer) {
				if (!endpoint.isPeer()) {
					fail("'" + relation.endpoint() + "' is a " + endpoint.role().name().toLowerCase(java.util.Locale.ROOT)
							+ " endpoint; use Relation, not PeerRelation");
				}
				for (String unit : peer.peersData().keySet()) {
					if (!unit.matches(UNIT) || !unit.startsWith(this.appName + "/") || unit.equals(this.unitName)) {
						fail("peer '" + unit + "' in relation " + relation.relationId() + " must be another unit of '"
								+ this.appName + "', not " + this.unitName);
					}
				}
			}
			else if (relation instanceof Relation regular) {
				if (endpoint.isPeer()) {
					fail("'" + relation.endpoint() + "' is a peer endpoint; use PeerRelation, not Relation");
				}
				if (regular.remoteApp().equals(this.appName) || regular.remoteApp().isEmpty()) {
					fail("relation " + relation.relationId() + " needs a remote application other than '"
							+ this.appName + "'");
				}
				for (String unit : regular.remoteUnitsData().keySet()) {
					if (!unit.matches(UNIT) || !unit.startsWith(regular.remoteApp() + "/")) {
						fail("remote unit '" + unit + "' in relation " + relation.relationId() + " must be a unit of '"
								+ regular.remoteApp() + "', such as " + regular.remoteApp() + "/0");
					}
				}
			}
		}
	}

	private void checkSecrets(State state) {
		Set<String> ids = new HashSet<>();
		for (Secret secret : state.secrets()) {
			if (!ids.add(secret.uri())) {
				fail("secret id '" + secret.id() + "' is used twice");
			}
			if (secret.owner().equals(this.appName) || secret.owner().equals(this.unitName)) {
				fail("secret '" + secret.id() + "' is owned by '" + secret.owner() + "': say '"
						+ (secret.owner().equals(this.appName) ? "application" : "unit") + "' for this "
						+ (secret.owner().equals(this.appName) ? "application's" : "unit's") + " own secret");
			}
			boolean ownedHere = secret.owned() || secret.owner().startsWith(this.appName + "/");
			if (!ownedHere && !secret.grants().isEmpty()) {
				fail("secret '" + secret.id() + "' is owned by '" + secret.owner()
						+ "': only grants made in this application are in the state");
			}
			if (secret.owned() && secret.tracked() != null) {
				fail("secret '" + secret.id() + "' is this " + secret.owner()
						+ "'s own: an owner reads the latest revision and tracks none");
			}
			if (secret.tracked() != null && !secret.revisions().containsKey(secret.tracked())) {
				fail("secret '" + secret.id() + "' tracks revision " + secret.tracked() + ", which it does not have "
						+ secret.revisions().keySet());
			}
			secret.grants().forEach((relationId, targets) -> checkGrant(state, secret, relationId, targets));
		}
	}

	private void checkGrant(State state, Secret secret, int relationId, Set<String> targets) {
		RelationSpec relation = state.relations()
			.stream()
			.filter((r) -> r.id() == relationId)
			.findFirst()
			.orElse(null);
		if (relation == null) {
			fail("secret '" + secret.id() + "' is granted in relation " + relationId
					+ ", which is not in the state's relations");
		}
		String remoteApp = (relation instanceof Relation regular) ? regular.remoteApp() : this.appName;
		for (String target : targets) {
			if (!target.equals(remoteApp) && !(target.matches(UNIT) && target.startsWith(remoteApp + "/"))) {
				fail("secret '" + secret.id() + "' is granted to '" + target + "' in relation " + relation.relationId()
						+ ", whose remote side is '" + remoteApp + "' and its units");
			}
		}
		if (targets.contains(remoteApp) && targets.size() > 1) {
			fail("secret '" + secret.id() + "' is granted to '" + remoteApp + "' and to its units in relation "
					+ relation.relationId() + "; Juju keeps either the application's grant or its units'");
		}
	}

	private void checkEvent(Event event, State state) {
		String hook = event.hookName();
		if (event.action()) {
			ActionSpec spec = this.metadata.actions().get(hook);
			if (spec == null) {
				fail("action '" + hook + "' is not declared in actions.yaml (declared: "
						+ new java.util.TreeSet<>(this.metadata.actions().keySet()) + ")");
			}
			return;
		}
		HookKind kind = Hook.kindOf(hook);
		switch (kind) {
			case UNKNOWN -> fail("'" + hook + "' is not a hook Juju runs");
			case RELATION -> checkRelationEvent(event, state);
			case STORAGE -> {
				String name = hook.substring(0, hook.lastIndexOf("-storage-"));
				if (!this.metadata.storage().contains(name)) {
					fail("storage '" + name + "' is not declared in metadata.yaml");
				}
			}
			case SECRET -> checkSecretEvent(event, state);
			case WORKLOAD -> {
				String name = hook.substring(0, hook.lastIndexOf("-pebble-"));
				if (!this.metadata.containers().contains(name)) {
					fail("container '" + name + "' is not declared in metadata.yaml");
				}
			}
			default -> {
			}
		}
		if (hook.equals("leader-elected") && !state.leader()) {
			fail("Juju runs leader-elected only on the leader; use State.withLeader(true)");
		}
		if (hook.equals("leader-settings-changed") && state.leader()) {
			fail("Juju never runs leader-settings-changed on the leader; use State.withLeader(false)");
		}
	}

	private void checkRelationEvent(Event event, State state) {
		String hook = event.hookName();
		if (event.relationId() == null) {
			fail("'" + hook + "' needs a relation: use Event.relationChanged(relation, unit) and the like");
		}
		RelationSpec relation = state.relations()
			.stream()
			.filter((r) -> r.id() == event.relationId())
			.findFirst()
			.orElse(null);
		if (relation == null) {
			fail("'" + hook + "' is for relation " + event.relationId() + ", which is not in the state's relations");
		}
		if (!hook.startsWith(relation.endpoint() + "-relation-")) {
			fail("'" + hook + "' does not match relation " + relation.relationId());
		}
		if (relation instanceof PeerRelation && hook.endsWith("-relation-broken")) {
			fail("Juju never runs relation-broken for a peer relation");
		}
		String remote = event.remoteUnit();
		boolean needsUnit = hook.endsWith("-relation-joined") || hook.endsWith("-relation-departed");
		if (needsUnit && remote == null) {
			fail("'" + hook + "' needs a remote unit");
		}
		if (remote != null && !hook.endsWith("-relation-departed")) {
			Set<String> known = (relation instanceof PeerRelation peer) ? peer.peersData().keySet()
					: ((Relation) relation).remoteUnitsData().keySet();
			if (!known.contains(remote)) {
				fail("remote unit '" + remote + "' is not in relation " + relation.relationId() + " (units: " + known
						+ ")");
			}
		}
	}

	private void checkSecretEvent(Event event, State state) {
		String hook = event.hookName();
		Hook.Secret given = event.secret();
		if (given == null) {
			fail("'" + hook + "' needs a secret: use Event.secretChanged(secret) and the like");
		}
		Secret secret = state.secrets()
			.stream()
			.filter((s) -> s.uri().equals(given.id()))
			.findFirst()
			.orElse(null);
		if (secret == null) {
			fail("'" + hook + "' is for secret '" + given.id() + "', which is not in the state's secrets");
		}
		if (hook.equals("secret-changed")) {
			if (secret.owned()) {
				fail("Juju runs secret-changed only on the units that consume a secret, never for its owner's");
			}
			if (secret.tracked() == null || secret.tracked() >= secret.revision()) {
				fail("Juju runs secret-changed only when the unit tracks a revision older than the latest; use "
						+ "Secret.withRevision and withTracked");
			}
			return;
		}
		if (!secret.owned()) {
			fail("Juju runs " + hook + " only for a secret this application or unit owns, not for one '"
					+ secret.owner() + "' owns");
		}
		if (secret.owner().equals("application") && !state.leader()) {
			fail("Juju runs " + hook + " for an application's secret only on the leader; use State.withLeader(true)");
		}
		Integer revision = given.revision();
		if (revision != null && !secret.revisions().containsKey(revision)) {
			fail("'" + hook + "' is for revision " + revision + " of secret '" + secret.id() + "', which has revisions "
					+ secret.revisions().keySet());
		}
		if (hook.equals("secret-remove") && revision != null && revision == secret.revision()) {
			fail("Juju runs secret-remove only for a revision older than the latest, not for " + revision);
		}
	}

	private static void fail(String message) {
		throw new InconsistentScenarioException(message);
	}
}
