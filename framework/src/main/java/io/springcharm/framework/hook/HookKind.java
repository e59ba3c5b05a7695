package io.springcharm.framework.hook;

/**
 * The families of Juju hooks, as listed in Juju's hook reference.
 */
public enum HookKind {
	/** A unit lifecycle hook such as {@code install} or {@code update-status}. */
	LIFECYCLE,
	/** {@code <endpoint>-relation-created|joined|changed|departed|broken}. */
	RELATION,
	/** {@code <storage>-storage-attached|detaching}. */
	STORAGE,
	/** {@code secret-changed|rotate|remove|expired}. */
	SECRET,
	/** {@code <container>-pebble-ready} and the other Pebble hooks (Kubernetes sidecar charms). */
	WORKLOAD,
	/** An action run with {@code juju run}; dispatched as {@code actions/<name>}. */
	ACTION,
	/** A hook name this framework does not know; dispatched as a plain hook event. */
	UNKNOWN
}
