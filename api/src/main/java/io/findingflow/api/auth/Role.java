package io.findingflow.api.auth;

/** DefectDojo's roles with their ids, ordered by what they may do (Reader least, Owner most). */
public enum Role {
    READER(5, 0),
    API_IMPORTER(1, 1),
    WRITER(2, 2),
    MAINTAINER(3, 3),
    OWNER(4, 4);

    private final int id;
    private final int rank;

    Role(int id, int rank) {
        this.id = id;
        this.rank = rank;
    }

    public int id() {
        return id;
    }

    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    public static Role byId(long id) {
        for (Role role : values()) {
            if (role.id == id) {
                return role;
            }
        }
        return null;
    }
}
