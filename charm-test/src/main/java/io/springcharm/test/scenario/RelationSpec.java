package io.springcharm.test.scenario;

import java.util.Map;

/**
 * A relation in a scenario {@link State}: a regular {@link Relation} to a remote
 * application or a {@link PeerRelation} among this application's units.
 */
public sealed interface RelationSpec permits Relation, PeerRelation {

	/** The relation id, for example {@code 1} in {@code db:1}. */
	int id();

	/** The local endpoint, declared in metadata.yaml. */
	String endpoint();

	/** This application's bag. */
	Map<String, String> localAppData();

	/** This unit's bag. */
	Map<String, String> localUnitData();

	/** The id as the tools print it, for example {@code db:1}. */
	default String relationId() {
		return endpoint() + ":" + id();
	}
}
