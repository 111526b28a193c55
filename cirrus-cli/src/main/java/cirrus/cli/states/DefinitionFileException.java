package cirrus.cli.states;

/** A definition or input file that cannot be read or parsed; says where. */
public final class DefinitionFileException extends Exception {
    private final transient Location location;

    public DefinitionFileException(Location location, String message) {
        super(message);
        this.location = location;
    }

    /** Where the problem is. */
    public Location location() {
        return location;
    }
}
