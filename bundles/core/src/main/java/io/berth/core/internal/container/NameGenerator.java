package io.berth.core.internal.container;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Docker-style names such as {@code focused_turing}. Thread-safe. */
final class NameGenerator {

    private static final List<String> ADJECTIVES = List.of("admiring", "adoring", "affectionate", "agitated",
            "amazing", "angry", "awesome", "blissful", "bold", "boring", "brave", "busy", "charming", "clever",
            "compassionate", "competent", "confident", "cool", "cranky", "crazy", "dazzling", "determined",
            "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic",
            "festive", "focused", "friendly", "funny", "gallant", "gifted", "goofy", "gracious", "happy",
            "hopeful", "hungry", "inspiring", "jolly", "keen", "kind", "laughing", "loving", "lucid", "modest",
            "nifty", "nostalgic", "optimistic", "peaceful", "pensive", "quirky", "relaxed", "serene", "sharp",
            "stoic", "tender", "upbeat", "vibrant", "wizardly", "zealous");

    private static final List<String> SURNAMES = List.of("albattani", "allen", "archimedes", "babbage",
            "bardeen", "bartik", "bell", "blackwell", "bohr", "booth", "borg", "bose", "brahmagupta", "cannon",
            "carson", "cerf", "chandrasekhar", "curie", "darwin", "diffie", "dijkstra", "einstein", "elion",
            "euclid", "euler", "fermat", "fermi", "feynman", "franklin", "galileo", "gauss", "goldberg",
            "goodall", "hamilton", "hawking", "heisenberg", "hodgkin", "hopper", "hypatia", "jackson", "johnson",
            "kepler", "knuth", "lamarr", "lamport", "leakey", "lovelace", "lumiere", "mayer", "mccarthy",
            "mcclintock", "meitner", "mendel", "morse", "newton", "noether", "pascal", "pike", "ritchie",
            "shannon", "sinoussi", "thompson", "torvalds", "turing", "wilson", "wozniak", "yalow");

    private NameGenerator() {
    }

    /**
     * A random {@code adjective_surname}; from the second retry on, a number is appended to make a clash
     * unlikely.
     */
    static String generate(int retry) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                + SURNAMES.get(random.nextInt(SURNAMES.size()));
        return retry > 1 ? name + random.nextInt(10 * retry) : name;
    }
}
