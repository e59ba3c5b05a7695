package io.springcharm.test.model.charm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.ActionEvent;
import io.springcharm.framework.event.ConfigChangedEvent;
import io.springcharm.framework.event.InstallEvent;
import io.springcharm.framework.event.LeaderElectedEvent;
import io.springcharm.framework.event.LeaderSettingsChangedEvent;
import io.springcharm.framework.event.RelationChangedEvent;
import io.springcharm.framework.event.SecretChangedEvent;
import io.springcharm.framework.event.SecretRemoveEvent;
import io.springcharm.framework.event.SecretRotateEvent;
import io.springcharm.framework.event.StartEvent;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.HookTools;
import io.springcharm.framework.tool.SecretOptions;
import io.springcharm.framework.tool.SecretRevision;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The charm charm-test's own tests run (charm directory {@code src/test/resources/test-charm}):
 * install sets a flag; config-changed shares {@code message} in its peer bag, remembers it,
 * fails afterwards when {@code fail} is true, and asks once per machine for the reboot
 * {@code reboot} names ({@code now} or {@code after-hook}); start sets active; the leader generates a
 * password in leader settings and names itself in the peer application bag; followers
 * remember that they saw leader settings; relation-changed remembers who changed; actions
 * return the password, the software resource's first line and the cloud type, share a
 * secret, or fail; secret-changed remembers the new username (the tracked one if the
 * secret's label is {@code no-refresh}), secret-rotate sets a new
 * password, and secret-remove removes the revision nobody uses unless the secret's label is
 * {@code keep-revisions}.
 */
@Charm
public class TestCharm {

	@Component
	static class Handlers {

		private final HookEnvironment env;

		private final HookTools tools;

		private final UnitState state;

		private final Flags flags;

		Handlers(HookEnvironment env, UnitState state, Flags flags) {
			this.env = env;
			this.tools = env.tools();
			this.state = state;
			this.flags = flags;
		}

		@EventListener
		void install(InstallEvent event) {
			this.flags.set("installed");
			this.tools.statusSet("maintenance", "installing", false);
		}

		@EventListener
		void configChanged(ConfigChangedEvent event) throws IOException {
			String message = String.valueOf(this.env.config().get("message"));
			this.tools.statusSet("maintenance", "configuring " + message, false);
			for (String id : this.tools.relationIds("cluster")) {
				this.tools.relationSet(id, this.env.unitName(), false, Map.of("message", message));
			}
			this.state.put("message", message);
			if (Boolean.TRUE.equals(this.env.config().get("fail"))) {
				throw new IllegalStateException("asked to fail");
			}
			Object reboot = this.env.config().get("reboot");
			Path rebooted = this.env.machinePath("/var/lib/test-charm/rebooted");
			if (reboot != null && !Files.exists(rebooted)) {
				// A file survives the reboot and the killed hook, unlike anything Juju buffers.
				Files.createDirectories(rebooted.getParent());
				Files.writeString(rebooted, reboot.toString());
				this.tools.jujuReboot(reboot.equals("now"));
			}
		}

		@EventListener
		void start(StartEvent event) {
			this.tools.statusSet("active", "ready", false);
		}

		@EventListener
		void leaderElected(LeaderElectedEvent event) {
			if (!this.tools.leaderGet().containsKey("password")) {
				this.tools.leaderSet(Map.of("password", "s3cret-" + this.env.unitName().replace('/', '-')));
			}
			for (String id : this.tools.relationIds("cluster")) {
				this.tools.relationSet(id, this.env.appName(), true, Map.of("leader", this.env.unitName()));
			}
		}

		@EventListener
		void leaderSettingsChanged(LeaderSettingsChangedEvent event) {
			this.state.put("saw-password", String.valueOf(this.tools.leaderGet().containsKey("password")));
		}

		@EventListener
		void relationChanged(RelationChangedEvent event) {
			String remote = event.hook().relation().remoteUnit();
			this.state.put("last-changed", (remote != null) ? remote : "app:" + event.hook().relation().remoteApp());
		}

		@EventListener
		void action(ActionEvent event) throws IOException {
			if (event.name().equals("get-password")) {
				this.tools.actionLog("looking up the password");
				this.tools.actionSet(Map.of("password", this.tools.leaderGet().getOrDefault("password", "none")));
			}
			else if (event.name().equals("deployment-info")) {
				String software = Files.readAllLines(this.tools.resourceGet("software")).get(0);
				String cloud = String.valueOf(this.tools.credentialGet().get("type"));
				this.tools.actionSet(Map.of("software", software, "cloud", cloud));
			}
			else if (event.name().equals("share-secret")) {
				String id = String.valueOf(this.tools.secretInfoGet(null, String.valueOf(event.param("label"))).get("id"));
				this.tools.secretGrant(id, String.valueOf(event.param("relation")), null);
			}
			else {
				this.tools.actionFail(String.valueOf(event.param("reason")));
			}
		}

		@EventListener
		void secretChanged(SecretChangedEvent event) {
			SecretRevision read = event.label().equals("no-refresh") ? SecretRevision.TRACKED : SecretRevision.REFRESH;
			Map<String, String> content = this.tools.secretGet(event.secretId(), null, read);
			this.state.put("secret-user", content.getOrDefault("username", ""));
			this.state.put("secret-label", event.label());
		}

		@EventListener
		void secretRotate(SecretRotateEvent event) {
			this.tools.secretSet(event.secretId(), Map.of("password", "rotated-" + this.env.unitName()),
					SecretOptions.none());
		}

		@EventListener
		void secretRevisionUnused(SecretRemoveEvent event) {
			if (!event.label().equals("keep-revisions")) {
				this.tools.secretRemove(event.secretId(), event.revision());
			}
		}
	}
}
