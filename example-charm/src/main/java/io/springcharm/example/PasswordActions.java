package io.springcharm.example;

import java.util.Map;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.ActionEvent;
import io.springcharm.leadership.Leadership;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The charm's actions: {@code get-password} and {@code rotate-password}.
 */
@Component
class PasswordActions {

	private final Leadership leadership;

	private final ExampleConfig config;

	private final HookEnvironment env;

	PasswordActions(Leadership leadership, ExampleConfig config, HookEnvironment env) {
		this.leadership = leadership;
		this.config = config;
		this.env = env;
	}

	@EventListener(condition = "#event.name() == 'get-password'")
	void getPassword(ActionEvent event) {
		String password = this.leadership.get(AdminPassword.KEY);
		if (password == null) {
			this.env.tools().actionFail("the leader has not set the admin password yet");
			return;
		}
		this.env.tools().actionSet(Map.of("password", password));
	}

	/** A new password on the leader; its file is rewritten in this hook, followers' in their next. */
	@EventListener(condition = "#event.name() == 'rotate-password'")
	void rotatePassword(ActionEvent event) {
		if (!this.leadership.isLeader()) {
			this.env.tools().actionFail("rotate-password runs on the leader only: run it on the leader unit");
			return;
		}
		if (!this.config.lengthValid()) {
			this.env.tools().actionFail("password-length is out of range; fix the config first");
			return;
		}
		this.leadership.set(AdminPassword.KEY, Passwords.generate(this.config.passwordLength()));
	}
}
