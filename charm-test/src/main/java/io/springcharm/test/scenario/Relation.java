package io.springcharm.test.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * A regular relation to a remote application, with its data bags. Juju's address keys
 * ({@code private-address}, {@code ingress-address}, {@code egress-subnets}) are added to
 * the unit bags when the scenario runs, as Juju does on entering the relation.
 *
 * @param id the relation id
 * @param endpoint the local endpoint (provides or requires in metadata.yaml)
 * @param remoteApp the remote application, for example {@code mysql}
 * @param localAppData this application's bag
 * @param localUnitData this unit's bag
 * @param remoteAppData the remote application's bag
 * @param remoteUnitsData remote unit name (for example {@code mysql/0}) to its bag
 */
public record Relation(int id, String endpoint, String remoteApp, Map<String, String> localAppData,
		Map<String, String> localUnitData, Map<String, String> remoteAppData,
		Map<String, Map<String, String>> remoteUnitsData) implements RelationSpec {

	public Relation {
		localAppData = Map.copyOf(localAppData);
		localUnitData = Map.copyOf(localUnitData);
		remoteAppData = Map.copyOf(remoteAppData);
		Map<String, Map<String, String>> units = new TreeMap<>();
		remoteUnitsData.forEach((unit, data) -> units.put(unit, Map.copyOf(data)));
		remoteUnitsData = Map.copyOf(units);
	}

	/**
	 * A relation with empty bags and no remote units.
	 * @param id the relation id
	 * @param endpoint the local endpoint
	 * @param remoteApp the remote application
	 * @return the relation
	 */
	public static Relation of(int id, String endpoint, String remoteApp) {
		return new Relation(id, endpoint, remoteApp, Map.of(), Map.of(), Map.of(), Map.of());
	}

	/**
	 * Adds (or replaces) a remote unit.
	 * @param unit for example {@code mysql/0}
	 * @param data its bag
	 * @return a copy with the unit
	 */
	public Relation withRemoteUnit(String unit, Map<String, String> data) {
		Map<String, Map<String, String>> units = new TreeMap<>(this.remoteUnitsData);
		units.put(unit, data);
		return new Relation(this.id, this.endpoint, this.remoteApp, this.localAppData, this.localUnitData,
				this.remoteAppData, units);
	}

	/**
	 * @param data this application's bag
	 * @return a copy with it
	 */
	public Relation withLocalAppData(Map<String, String> data) {
		return new Relation(this.id, this.endpoint, this.remoteApp, data, this.localUnitData, this.remoteAppData,
				this.remoteUnitsData);
	}

	/**
	 * @param data this unit's bag
	 * @return a copy with it
	 */
	public Relation withLocalUnitData(Map<String, String> data) {
		return new Relation(this.id, this.endpoint, this.remoteApp, this.localAppData, data, this.remoteAppData,
				this.remoteUnitsData);
	}

	/**
	 * @param data the remote application's bag
	 * @return a copy with it
	 */
	public Relation withRemoteAppData(Map<String, String> data) {
		return new Relation(this.id, this.endpoint, this.remoteApp, this.localAppData, this.localUnitData, data,
				this.remoteUnitsData);
	}

	@Override
	public String toString() {
		// Relation data is secret: show keys only.
		return "Relation[" + relationId() + ", remoteApp=" + this.remoteApp + ", localAppData="
				+ new java.util.TreeSet<>(this.localAppData.keySet()) + ", localUnitData="
				+ new java.util.TreeSet<>(this.localUnitData.keySet()) + ", remoteAppData="
				+ new java.util.TreeSet<>(this.remoteAppData.keySet()) + ", remoteUnits=" + this.remoteUnitsData.keySet()
				+ "]";
	}
}
