package io.springcharm.test.scenario;

import java.util.Map;
import java.util.TreeMap;

import io.springcharm.framework.hook.Hook;
import org.jspecify.annotations.Nullable;

/**
 * One hook or action to run in a scenario.
 *
 * @param hookName the hook, for example {@code db-relation-changed}; the action name for
 * actions
 * @param relationId the relation of a relation hook, otherwise {@code null}
 * @param remoteUnit {@code JUJU_REMOTE_UNIT}, or {@code null} where Juju leaves it empty
 * @param departingUnit {@code JUJU_DEPARTING_UNIT} for relation-departed, otherwise
 * {@code null}
 * @param action whether this is an action
 * @param params the action's parameters, with their JSON types
 * @param secret the secret of a secret hook ({@code JUJU_SECRET_ID},
 * {@code JUJU_SECRET_LABEL}, {@code JUJU_SECRET_REVISION}), otherwise {@code null}
 */
public record Event(String hookName, @Nullable Integer relationId, @Nullable String remoteUnit,
		@Nullable String departingUnit, boolean action, Map<String, Object> params, Hook.@Nullable Secret secret) {

	public Event {
		params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
	}

	/**
	 * Any hook without a relation or a secret by name, for example {@code upgrade-charm}.
	 * @param hookName the hook
	 * @return the event
	 */
	public static Event of(String hookName) {
		return new Event(hookName, null, null, null, false, Map.of(), null);
	}

	/** {@code install}. */
	public static Event install() {
		return of("install");
	}

	/** {@code start}. */
	public static Event start() {
		return of("start");
	}

	/** {@code stop}. */
	public static Event stop() {
		return of("stop");
	}

	/** {@code remove}. */
	public static Event remove() {
		return of("remove");
	}

	/** {@code config-changed}. */
	public static Event configChanged() {
		return of("config-changed");
	}

	/** {@code update-status}. */
	public static Event updateStatus() {
		return of("update-status");
	}

	/** {@code upgrade-charm}. */
	public static Event upgradeCharm() {
		return of("upgrade-charm");
	}

	/** {@code leader-elected}; the state must say this unit leads. */
	public static Event leaderElected() {
		return of("leader-elected");
	}

	/** {@code leader-settings-changed}; the state must say this unit follows. */
	public static Event leaderSettingsChanged() {
		return of("leader-settings-changed");
	}

	/**
	 * {@code <endpoint>-relation-created}.
	 * @param relation a relation of the state
	 * @return the event
	 */
	public static Event relationCreated(RelationSpec relation) {
		return relation(relation, "created", null, null);
	}

	/**
	 * {@code <endpoint>-relation-joined}.
	 * @param relation a relation of the state
	 * @param remoteUnit the joining unit, one of the relation's remote units or peers
	 * @return the event
	 */
	public static Event relationJoined(RelationSpec relation, String remoteUnit) {
		return relation(relation, "joined", remoteUnit, null);
	}

	/**
	 * {@code <endpoint>-relation-changed} for a remote unit's data.
	 * @param relation a relation of the state
	 * @param remoteUnit the unit whose data changed
	 * @return the event
	 */
	public static Event relationChanged(RelationSpec relation, String remoteUnit) {
		return relation(relation, "changed", remoteUnit, null);
	}

	/**
	 * {@code <endpoint>-relation-changed} for the remote application's data
	 * ({@code JUJU_REMOTE_UNIT} empty).
	 * @param relation a relation of the state
	 * @return the event
	 */
	public static Event relationChanged(RelationSpec relation) {
		return relation(relation, "changed", null, null);
	}

	/**
	 * {@code <endpoint>-relation-departed} on a unit that stays.
	 * @param relation a relation of the state
	 * @param remoteUnit the departing unit
	 * @return the event
	 */
	public static Event relationDeparted(RelationSpec relation, String remoteUnit) {
		return relation(relation, "departed", remoteUnit, remoteUnit);
	}

	/**
	 * {@code <endpoint>-relation-departed} with an explicit departing unit (the local unit
	 * when it is the one being removed).
	 * @param relation a relation of the state
	 * @param remoteUnit the remote unit
	 * @param departingUnit {@code JUJU_DEPARTING_UNIT}
	 * @return the event
	 */
	public static Event relationDeparted(RelationSpec relation, String remoteUnit, String departingUnit) {
		return relation(relation, "departed", remoteUnit, departingUnit);
	}

	/**
	 * {@code <endpoint>-relation-broken} (never for peer relations).
	 * @param relation a relation of the state
	 * @return the event
	 */
	public static Event relationBroken(RelationSpec relation) {
		return relation(relation, "broken", null, null);
	}

	/**
	 * {@code secret-changed}: a new revision of a secret this application consumes.
	 * @param secret a consumed secret of the state
	 * @return the event
	 */
	public static Event secretChanged(Secret secret) {
		return secret("secret-changed", secret, null);
	}

	/**
	 * {@code secret-rotate}: an owned secret's rotation policy is due.
	 * @param secret an owned secret of the state
	 * @return the event
	 */
	public static Event secretRotate(Secret secret) {
		return secret("secret-rotate", secret, null);
	}

	/**
	 * {@code secret-expired}: a revision of an owned secret expired.
	 * @param secret an owned secret of the state
	 * @param revision the expired revision
	 * @return the event
	 */
	public static Event secretExpired(Secret secret, int revision) {
		return secret("secret-expired", secret, revision);
	}

	/**
	 * {@code secret-remove}: no consumer tracks a revision of an owned secret any more.
	 * @param secret an owned secret of the state
	 * @param revision the revision nobody tracks
	 * @return the event
	 */
	public static Event secretRemove(Secret secret, int revision) {
		return secret("secret-remove", secret, revision);
	}

	/**
	 * An action.
	 * @param name an action from actions.yaml
	 * @param params its parameters, with their JSON types
	 * @return the event
	 */
	public static Event action(String name, Map<String, ?> params) {
		return new Event(name, null, null, null, true, Map.copyOf(params), null);
	}

	private static Event secret(String hook, Secret secret, @Nullable Integer revision) {
		String label = (secret.label() != null) ? secret.label() : "";
		return new Event(hook, null, null, null, false, Map.of(), new Hook.Secret(secret.uri(), label, revision));
	}

	private static Event relation(RelationSpec relation, String event, @Nullable String remoteUnit,
			@Nullable String departingUnit) {
		return new Event(relation.endpoint() + "-relation-" + event, relation.id(), remoteUnit, departingUnit, false,
				Map.of(), null);
	}

	@Override
	public String toString() {
		if (this.action) {
			return "action " + this.hookName;
		}
		if (this.relationId != null) {
			return this.hookName + " (relation " + this.relationId + ", remote unit " + this.remoteUnit + ")";
		}
		return (this.secret != null) ? this.hookName + " (" + this.secret.id() + ")" : this.hookName;
	}
}
