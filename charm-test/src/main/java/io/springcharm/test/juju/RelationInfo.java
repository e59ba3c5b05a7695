package io.springcharm.test.juju;

/**
 * A relation of the application.
 *
 * @param id the relation number, for example {@code 7}
 * @param endpoint the local endpoint, for example {@code db}
 * @param remoteApp the remote application; for a peer relation the application itself
 * @param peer whether it is a peer relation
 */
public record RelationInfo(int id, String endpoint, String remoteApp, boolean peer) {

	/** The id as the tools print it, for example {@code db:7}. */
	public String relationId() {
		return this.endpoint + ":" + this.id;
	}
}
