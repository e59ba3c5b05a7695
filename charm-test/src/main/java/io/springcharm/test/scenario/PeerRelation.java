package io.springcharm.test.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * The relation of a peer endpoint: this application's units among themselves.
 *
 * @param id the relation id
 * @param endpoint the peer endpoint (peers in metadata.yaml)
 * @param localAppData the application bag, shared by every unit
 * @param localUnitData this unit's bag
 * @param peersData other unit name (for example {@code app/1}) to its bag
 */
public record PeerRelation(int id, String endpoint, Map<String, String> localAppData,
		Map<String, String> localUnitData, Map<String, Map<String, String>> peersData) implements RelationSpec {

	public PeerRelation {
		localAppData = Map.copyOf(localAppData);
		localUnitData = Map.copyOf(localUnitData);
		Map<String, Map<String, String>> peers = new TreeMap<>();
		peersData.forEach((unit, data) -> peers.put(unit, Map.copyOf(data)));
		peersData = Map.copyOf(peers);
	}

	/**
	 * A peer relation with empty bags and no other units.
	 * @param id the relation id
	 * @param endpoint the peer endpoint
	 * @return the relation
	 */
	public static PeerRelation of(int id, String endpoint) {
		return new PeerRelation(id, endpoint, Map.of(), Map.of(), Map.of());
	}

	/**
	 * Adds (or replaces) another unit of this application.
	 * @param unit for example {@code app/1}
	 * @param data its bag
	 * @return a copy with the unit
	 */
	public PeerRelation withPeer(String unit, Map<String, String> data) {
		Map<String, Map<String, String>> peers = new TreeMap<>(this.peersData);
		peers.put(unit, data);
		return new PeerRelation(this.id, this.endpoint, this.localAppData, this.localUnitData, peers);
	}

	/**
	 * @param data the application bag
	 * @return a copy with it
	 */
	public PeerRelation withLocalAppData(Map<String, String> data) {
		return new PeerRelation(this.id, this.endpoint, data, this.localUnitData, this.peersData);
	}

	/**
	 * @param data this unit's bag
	 * @return a copy with it
	 */
	public PeerRelation withLocalUnitData(Map<String, String> data) {
		return new PeerRelation(this.id, this.endpoint, this.localAppData, data, this.peersData);
	}

	@Override
	public String toString() {
		// Relation data is secret: show keys only.
		return "PeerRelation[" + relationId() + ", localAppData=" + new java.util.TreeSet<>(this.localAppData.keySet())
				+ ", localUnitData=" + new java.util.TreeSet<>(this.localUnitData.keySet()) + ", peers="
				+ this.peersData.keySet() + "]";
	}
}
