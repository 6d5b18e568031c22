package io.berth.runtime.mock.internal;

import java.util.List;

/**
 * The {@code process} object of a bundle's {@code config.json}, as far as the mock runtime uses it.
 *
 * @param args     the command line; never empty
 * @param env      the environment as {@code KEY=value}
 * @param cwd      the working directory
 * @param terminal whether the process has a pseudo terminal
 */
record ProcessSpec(List<String> args, List<String> env, String cwd, boolean terminal) {

    ProcessSpec {
        args = List.copyOf(args);
        env = env == null ? List.of() : List.copyOf(env);
        cwd = cwd == null || cwd.isEmpty() ? "/" : cwd;
    }

    /** The value of the environment variable {@code name}, or {@code null} when it is not set. */
    String getenv(String name) {
        String prefix = name + "=";
        for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).startsWith(prefix)) {
                return env.get(i).substring(prefix.length());
            }
        }
        return null;
    }
}
