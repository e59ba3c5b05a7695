package io.springcharm.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.HookCompletedEvent;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.framework.files.PrivateFiles;
import io.springcharm.framework.state.UnitState;
import io.springcharm.leadership.Leadership;
import io.springcharm.leadership.LeadershipChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Leadership layer's two handlers: the leader generates the admin password once, and
 * every unit stores it whenever it changes (the leader in the same hook, followers in
 * their next one). A third handler keeps the file and the status right in every hook.
 */
@Component
class AdminPassword {

	static final String KEY = "admin_password";

	/** Unit-state key remembering where this unit last wrote the file. */
	static final String WRITTEN_TO = "example.password-file";

	private final Leadership leadership;

	private final ExampleConfig config;

	private final HookEnvironment env;

	private final UnitState state;

	AdminPassword(Leadership leadership, ExampleConfig config, HookEnvironment env, UnitState state) {
		this.leadership = leadership;
		this.config = config;
		this.env = env;
		this.state = state;
	}

	@EventListener(condition = "@leadership.leader and @leadership.available and !@leadership.has('admin_password')")
	void generate(HookEvent hook) {
		if (this.config.lengthValid()) {
			this.leadership.set(KEY, Passwords.generate(this.config.passwordLength()));
		}
	}

	@EventListener(condition = "#event.changed('admin_password')")
	void store(LeadershipChangedEvent event) throws IOException {
		String password = event.current(KEY);
		if (password != null && this.config.lengthValid()) {
			writeFile(password);
		}
	}

	/** Repairs a missing or edited file, moves it when password-file changed, and sets the status. */
	@EventListener
	void reconcile(HookCompletedEvent completed) throws IOException {
		if (!this.config.lengthValid()) {
			this.env.blocked("password-length must be between " + ExampleConfig.MIN_LENGTH + " and "
					+ ExampleConfig.MAX_LENGTH + ", not " + this.config.passwordLength());
			return;
		}
		String password = this.leadership.get(KEY);
		if (password == null) {
			this.env.waiting(this.leadership.isLeader() ? "generating the admin password"
					: "waiting for the leader to set the admin password");
			return;
		}
		writeFile(password);
		this.env.active("");
	}

	private void writeFile(String password) throws IOException {
		Path target = this.env.machinePath(this.config.passwordFile());
		if (!PrivateFiles.holds(target, password)) {
			PrivateFiles.write(target, password);
		}
		String previous = this.state.get(WRITTEN_TO);
		if (previous != null && !previous.equals(target.toString())) {
			Files.deleteIfExists(Path.of(previous));
		}
		this.state.put(WRITTEN_TO, target.toString());
	}
}
