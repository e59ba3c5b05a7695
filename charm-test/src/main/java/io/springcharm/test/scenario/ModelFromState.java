package io.springcharm.test.scenario;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.test.juju.JujuModel;

/** Builds the in-memory Juju a scenario runs against, and reads relations back out of it. */
final class ModelFromState {

	private ModelFromState() {
	}

	static JujuModel build(CharmMetadata metadata, String unit, State state) {
		String app = metadata.name();
		JujuModel juju = JujuModel.withoutRelations(metadata, app, "test", UUID.randomUUID().toString());
		juju.addUnit(unit);
		for (RelationSpec relation : state.relations()) {
			if (relation instanceof PeerRelation peer) {
				peer.peersData().keySet().stream().filter((u) -> !juju.hasUnit(u)).forEach(juju::addUnit);
			}
		}
		if (state.leader()) {
			juju.setLeader(unit);
		}
		for (RelationSpec relation : state.relations()) {
			int id = relation.id();
			if (relation instanceof PeerRelation peer) {
				juju.addRelation(id, peer.endpoint(), app);
				peer.peersData().forEach((other, data) -> {
					juju.setUnitData(id, other, data);
					juju.join(unit, id, other);
				});
			}
			else if (relation instanceof Relation regular) {
				juju.addRelation(id, regular.endpoint(), regular.remoteApp());
				juju.setAppData(id, regular.remoteApp(), regular.remoteAppData());
				regular.remoteUnitsData().forEach((remote, data) -> {
					juju.addRemoteUnit(id, remote);
					juju.setUnitData(id, remote, data);
					juju.join(unit, id, remote);
				});
			}
			juju.setUnitData(id, unit, relation.localUnitData());
			juju.setAppData(id, app, relation.localAppData());
		}
		juju.setConfig(state.config());
		juju.setLeaderSettings(state.leaderSettings());
		if (state.charmState() != null) {
			juju.setCharmState(unit, state.charmState());
		}
		juju.setOpenedPorts(unit, state.openedPorts());
		for (Secret secret : state.secrets()) {
			String owner = switch (secret.owner()) {
				case "application" -> app;
				case "unit" -> unit;
				default -> secret.owner();
			};
			// A consumed secret's label is this unit's own, not the owner's.
			juju.addSecret(secret.id(), owner, secret.content(), secret.owned() ? secret.label() : null);
			juju.setSecretRevisions(secret.id(), secret.revisions());
			if (!secret.owned() && secret.label() != null) {
				juju.setConsumerLabel(secret.id(), unit, secret.label());
			}
			if (secret.tracked() != null) {
				juju.setTrackedRevision(secret.id(), unit, secret.tracked());
			}
			secret.grants().forEach((relationId, targets) -> targets
				.forEach((target) -> juju.grantSecret(secret.id(), relationId, target)));
		}
		if (!state.unitStatus().equals(Status.UNKNOWN)) {
			juju.setUnitStatus(unit, state.unitStatus().status(), state.unitStatus().message());
		}
		if (state.appStatus() != null) {
			juju.setApplicationStatus(state.appStatus().status(), state.appStatus().message());
		}
		juju.setApplicationVersion(state.workloadVersion());
		return juju;
	}

	/** The relation as it is after the run: the same remote side, this side's bags as committed. */
	static RelationSpec relationOut(JujuModel juju, String unit, RelationSpec relation) {
		int id = relation.id();
		Map<String, String> localUnit = juju.unitData(id, unit);
		Map<String, String> localApp = juju.appData(id, juju.appName());
		if (relation instanceof PeerRelation peer) {
			Map<String, Map<String, String>> peers = new TreeMap<>();
			peer.peersData().keySet().forEach((other) -> peers.put(other, juju.unitData(id, other)));
			return new PeerRelation(id, peer.endpoint(), localApp, localUnit, peers);
		}
		Relation regular = (Relation) relation;
		Map<String, Map<String, String>> remotes = new TreeMap<>();
		regular.remoteUnitsData().keySet().forEach((remote) -> remotes.put(remote, juju.unitData(id, remote)));
		return new Relation(id, regular.endpoint(), regular.remoteApp(), localApp, localUnit,
				juju.appData(id, regular.remoteApp()), remotes);
	}
}
