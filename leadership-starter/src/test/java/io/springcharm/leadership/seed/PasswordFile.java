package io.springcharm.leadership.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.files.PrivateFiles;
import io.springcharm.leadership.LeadershipChangedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On every unit: writes the admin password to a file whenever it changes. */
@Component
class PasswordFile {

	private final HookEnvironment environment;

	PasswordFile(HookEnvironment environment) {
		this.environment = environment;
	}

	@EventListener(condition = "#event.changed('admin_password')")
	void store(LeadershipChangedEvent event) throws IOException {
		Path file = this.environment.machinePath("/etc/foopass");
		String password = event.current("admin_password");
		if (password == null) {
			Files.deleteIfExists(file);
			return;
		}
		PrivateFiles.write(file, password);
	}
}
