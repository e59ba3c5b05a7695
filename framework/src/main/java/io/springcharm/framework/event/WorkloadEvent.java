package io.springcharm.framework.event;

/**
 * A hook about a workload container of a Kubernetes sidecar charm.
 */
public sealed interface WorkloadEvent extends HookEvent
		permits PebbleReadyEvent, PebbleCustomNoticeEvent, PebbleCheckFailedEvent, PebbleCheckRecoveredEvent {

	/** The container name, {@code JUJU_WORKLOAD_NAME}. */
	default String container() {
		return hook().workload().container();
	}
}
