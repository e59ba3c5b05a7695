package io.springcharm.test.juju;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** One relation: its bags, their versions, and which remote units each local unit knows. */
final class RelationState {

	final RelationInfo info;

	final Map<String, SortedMap<String, String>> unitBags = new HashMap<>();

	final Map<String, SortedMap<String, String>> appBags = new HashMap<>();

	final Map<String, Integer> unitVersions = new HashMap<>();

	final Map<String, Integer> appVersions = new HashMap<>();

	/** Units of the remote application in scope (regular relations only). */
	final SortedSet<String> remoteUnits = new TreeSet<>();

	/** Local unit to the remote units (or other peers) it has seen join. */
	final Map<String, SortedSet<String>> members = new HashMap<>();

	boolean broken;

	RelationState(RelationInfo info) {
		this.info = info;
	}

	SortedMap<String, String> unitBag(String unit) {
		return this.unitBags.computeIfAbsent(unit, (u) -> new TreeMap<>());
	}

	SortedMap<String, String> appBag(String app) {
		return this.appBags.computeIfAbsent(app, (a) -> new TreeMap<>());
	}

	SortedSet<String> members(String localUnit) {
		return this.members.computeIfAbsent(localUnit, (u) -> new TreeSet<>());
	}

	/** Merges changes (empty value deletes); returns whether the bag changed. */
	static boolean merge(SortedMap<String, String> bag, Map<String, String> changes) {
		boolean changed = false;
		for (Map.Entry<String, String> e : changes.entrySet()) {
			if (e.getValue().isEmpty()) {
				changed |= bag.remove(e.getKey()) != null;
			}
			else {
				changed |= !e.getValue().equals(bag.put(e.getKey(), e.getValue()));
			}
		}
		return changed;
	}
}
