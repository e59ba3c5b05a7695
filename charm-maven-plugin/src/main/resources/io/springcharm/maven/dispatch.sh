#!/bin/sh
# Juju runs this file for every hook and action of the charm: it starts the
# charm's JVM. Written by charm-maven-plugin at build time: change the charm's
# pom.xml, not this file. Exit codes: the charm's own, or 3 when no Java
# @JAVA_MIN@ or newer was found.

# Juju before 2.8 runs hooks/<name> and does not set the variable.
JUJU_DISPATCH_PATH="${JUJU_DISPATCH_PATH:-$0}"
export JUJU_DISPATCH_PATH
self=$0
case $0 in */*) cd "${0%/*}" || { echo "dispatch: cannot enter the charm directory ${0%/*}" >&2; exit 3; } ;; esac

main='@MAIN_CLASS@'
cp='@CLASS_PATH@'
build='@BUILD_ID@'
min=@JAVA_MIN@
cds=@CDS@
cds_dir=.spring-charm/cds

# Sets java, java_home and feature when $2 is a Java runtime of version $min or
# newer; otherwise adds why not to $report. $1 names where $2 came from.
# Uses shell built-ins (and readlink when present) so that it works on any PATH.
check_java() {
	if [ -z "$2" ]; then
		report="$report; $1: none"
		return 1
	fi
	if [ ! -f "$2" ] || [ ! -x "$2" ]; then
		report="$report; $1: $2 is not executable"
		return 1
	fi
	real=$2
	# Only a symbolic link (such as /usr/bin/java) costs the readlink process.
	if [ -L "$2" ]; then
		real=$(readlink -f -- "$2" 2>/dev/null) || real=
		[ -n "$real" ] || real=$2
	fi
	home=${real%/bin/*}
	v=
	if [ -f "$home/release" ]; then
		# JAVA_VERSION="17.0.15": reading this file is cheaper than starting a JVM.
		while IFS= read -r line; do
			case $line in JAVA_VERSION=*)
				v=${line#JAVA_VERSION=}
				v=${v#\"}
				break ;;
			esac
		done < "$home/release"
	else
		v=$("$2" -version 2>&1)
		v=${v#*version \"}
	fi
	case $v in 1.*) v=${v#1.} ;; esac
	v=${v%%[!0-9]*}
	if [ -z "$v" ]; then
		report="$report; $1: $2 has an unknown version"
		return 1
	fi
	if [ "$v" -lt "$min" ]; then
		report="$report; $1: $2 is Java $v"
		return 1
	fi
	java=$2
	java_home=$home
	feature=$v
}

# Sets key to the name of the class-data archive for this JVM build and these
# jars: the JVM rejects an archive once either changes (path, size or mtime), so
# they are all part of the name and an upgrade or a Java update makes a new one.
# Runs every hook, so it starts as few processes as it can (stat, cksum).
cds_key() {
	info=$(stat -L -c '%n %s %Y' "$java_home/release" "$java_home"/lib/*/libjvm.so dispatch lib/*.jar 2>/dev/null) || return 1
	sum=$(cksum <<-EOF
		$build
		$java_home
		$info
		EOF
	) || return 1
	set -- $sum
	key="jdk$feature-$1-$2"
}

# Removes every archive that is not for this key (older charm or Java).
cds_clean() {
	for f in "$cds_dir"/*; do
		case ${f##*/} in "$1".*) ;; *) rm -f -- "$f" ;; esac
	done
}

# Ends this script as the JVM ended: a JVM killed by a signal (SIGTERM from an
# agent shutdown, SIGKILL from the OOM killer) kills this shell with the same
# signal, so that Juju re-queues the hook instead of marking it failed.
exit_like() {
	if [ "$1" -gt 128 ]; then
		kill -s "$(kill -l "$1")" $$ 2>/dev/null
	fi
	exit "$1"
}

java=
report=
# set -- builds the JVM's options as a list; flags for a short-lived process first.
if [ "${1-}" = --create-aot-cache ]; then
	# Second half of an AOT cache (JDK 24+), run detached after a hook (see below).
	java=$2 key=$3
	set -- @JVM_OPTIONS@
	conf="$cds_dir/$key.aotconf" tmp="$cds_dir/$key.aot.$$.tmp"
	if "$java" "$@" -Xlog:aot*=off,cds*=off,class+path*=off -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput \
			-XX:AOTMode=create -XX:AOTConfiguration="$conf" -XX:AOTCache="$tmp" -cp "$cp" "$main" \
			&& [ -s "$tmp" ]; then
		mv -f -- "$tmp" "$cds_dir/$key.aot"
	else
		: > "$cds_dir/$key.failed"
	fi
	rm -f -- "$conf" "$tmp"
	exit 0
fi

bundled=
[ -e runtime/bin/java ] && bundled=runtime/bin/java
check_java "bundled runtime/" "$bundled" \
	|| check_java "JAVA_HOME" "${JAVA_HOME:+$JAVA_HOME/bin/java}" \
	|| check_java "PATH" "$(command -v java 2>/dev/null)" \
	|| {
		echo "dispatch: no Java $min or newer found (${report#; }): install Java $min+ on the machine, set JAVA_HOME, or build the charm with charm.bundle-runtime=true" >&2
		exit 3
	}

set -- @JVM_OPTIONS@

key=
if [ "$cds" = true ]; then
	cds_key && { [ -d "$cds_dir" ] || mkdir -p "$cds_dir" 2>/dev/null; } || key=
fi
if [ -z "$key" ]; then
	[ "$feature" -lt 24 ] && set -- "$@" -Xshare:auto
	exec "$java" "$@" -cp "$cp" "$main" "$self"
fi

if [ "$feature" -lt 24 ]; then
	# JDK 17-23: dynamic AppCDS. The first hook run records the archive; later runs map it.
	# A stale or broken archive only costs speed: the JVM ignores it, and silently.
	set -- "$@" -Xshare:auto -Xlog:cds*=off,class+path*=off
	archive="$cds_dir/$key.jsa"
	if [ -f "$archive" ]; then
		exec "$java" "$@" -XX:SharedArchiveFile="$archive" -cp "$cp" "$main" "$self"
	fi
	if [ -e "$cds_dir/$key.failed" ]; then
		exec "$java" "$@" -cp "$cp" "$main" "$self"
	fi
	cds_clean "$key"
	tmp="$cds_dir/$key.jsa.$$.tmp"
	# Not exec: the archive is renamed into place only after the hook succeeded.
	"$java" "$@" -XX:ArchiveClassesAtExit="$tmp" -cp "$cp" "$main" "$self"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		if [ -s "$tmp" ]; then
			mv -f -- "$tmp" "$archive"
		else
			: > "$cds_dir/$key.failed"
		fi
	fi
	rm -f -- "$tmp"
	exit_like "$rc"
fi

# JDK 24+: AOT cache. The first hook run records a configuration; the cache is
# then created in the background, after the hook, without the hook's output
# streams (Juju waits for those) and without hook tools (it runs no charm code).
set -- "$@" -Xlog:aot*=off,cds*=off,class+path*=off
cache="$cds_dir/$key.aot"
conf="$cds_dir/$key.aotconf"
if [ -f "$cache" ]; then
	# JDK 25 replays the method profiles recorded in the cache by compiling early, which
	# only costs CPU when C1 is the only compiler (measured: 11% of a hook's CPU). The
	# flag is diagnostic, so it is passed only to the release it was measured on.
	[ "$feature" -eq 25 ] && set -- "$@" -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining
	exec "$java" "$@" -XX:AOTCache="$cache" -cp "$cp" "$main" "$self"
fi
if [ -f "$conf" ] && [ -n "$(find "$conf" -mmin +30 2>/dev/null)" ]; then
	# A creation that never finished (machine restarted): record again.
	rm -f -- "$conf"
fi
if [ -e "$cds_dir/$key.failed" ] || [ -e "$conf" ]; then
	exec "$java" "$@" -cp "$cp" "$main" "$self"
fi
cds_clean "$key"
# DisplayVMOutput off: the JVM prints "AOTConfiguration recorded" on stdout otherwise.
"$java" "$@" -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput \
	-XX:AOTMode=record -XX:AOTConfiguration="$conf" -cp "$cp" "$main" "$self"
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$conf" ]; then
	detach=
	command -v setsid >/dev/null 2>&1 && detach=setsid
	$detach ./dispatch --create-aot-cache "$java" "$key" </dev/null >/dev/null 2>&1 &
else
	rm -f -- "$conf"
fi
exit_like "$rc"
