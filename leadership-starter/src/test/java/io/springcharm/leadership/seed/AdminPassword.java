package io.springcharm.leadership.seed;

import java.security.SecureRandom;
import java.util.Base64;

import io.springcharm.framework.event.HookEvent;
import io.springcharm.leadership.Leadership;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On the leader: generates the admin password once. */
@Component
class AdminPassword {

	private final SecureRandom random = new SecureRandom();

	private final Leadership leadership;

	AdminPassword(Leadership leadership) {
		this.leadership = leadership;
	}

	@EventListener(condition = "@leadership.leader and @leadership.available and !@leadership.has('admin_password')")
	void generate(HookEvent event) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		this.leadership.set("admin_password", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}
}
