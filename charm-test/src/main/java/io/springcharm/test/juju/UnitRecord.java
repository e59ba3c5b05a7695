package io.springcharm.test.juju;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/** What the in-memory Juju keeps for one unit of the application. */
final class UnitRecord {

	final String name;

	final int number;

	StatusInfo status = StatusInfo.of("unknown", "");

	final List<StatusInfo> history = new ArrayList<>();

	final SortedSet<PortRange> ports = new TreeSet<>();

	@Nullable SortedMap<String, String> charmState;

	final SortedMap<String, String> storage = new TreeMap<>();

	UnitRecord(String name, int number) {
		this.name = name;
		this.number = number;
	}
}
