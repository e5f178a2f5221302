package io.findingflow.api.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.auth.Passwords;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.members.MemberResources;
import io.findingflow.api.resources.BodyValidator;
import io.findingflow.api.resources.Field;
import io.findingflow.api.resources.FieldType;
import io.findingflow.api.resources.FilterSpec;
import io.findingflow.api.resources.ResourceHooks;
import io.findingflow.api.resources.ResourceSpec;
import io.findingflow.api.resources.Scope;
import io.findingflow.api.resources.WriteMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code users} and {@code global_roles}. Only superusers write them. A user sees themself, and
 * the users who are members of product types or products they see; a global role or superuser
 * sees everybody. Passwords are write-only, hashed with PBKDF2, and cannot be changed by PUT/PATCH
 * (DefectDojo's rule); a user cannot delete themself.
 */
public final class UserResources {

    private static final Pattern USERNAME = Pattern.compile("^[\\w.@+-]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private UserResources() {}

    public static ResourceSpec users(EntityStore store) {
        return new ResourceSpec("users", EntityKind.USER, "Dojo_User",
                List.of(Field.string("username", 150).asRequired(), Field.string("first_name", 150).withDefault(""),
                        Field.string("last_name", 150).withDefault(""),
                        Field.of("email", FieldType.EMAIL).withDefault(""),
                        Field.readOnly("date_joined", FieldType.DATETIME), Field.readOnly("last_login", FieldType.DATETIME),
                        Field.bool("is_active", true), Field.bool("is_superuser", false),
                        Field.of("password", FieldType.PASSWORD).asWriteOnly(),
                        Field.readOnly("configuration_permissions", FieldType.ID_LIST)),
                List.of(FilterSpec.number("id"), FilterSpec.exact("username"), FilterSpec.contains("username"),
                        FilterSpec.icontains("username"), FilterSpec.exact("email"), FilterSpec.contains("email"),
                        FilterSpec.icontains("email"), FilterSpec.exact("first_name"), FilterSpec.contains("first_name"),
                        FilterSpec.exact("last_name"), FilterSpec.contains("last_name"), FilterSpec.flag("is_active"),
                        FilterSpec.flag("is_superuser")),
                List.of("id", "username", "first_name", "last_name", "email", "is_active", "is_superuser",
                        "date_joined", "last_login"),
                Scope.GLOBAL, Role.OWNER, Role.OWNER, Role.OWNER, false, userHooks(store));
    }

    public static ResourceSpec globalRoles() {
        return new ResourceSpec("global_roles", EntityKind.GLOBAL_ROLE, "Global_Role",
                List.of(Field.reference("user", EntityKind.USER, "Dojo_User"),
                        Field.readOnly("group", FieldType.REFERENCE),
                        Field.reference("role", MemberResources.ROLE, "Role").asRequired()),
                List.of(FilterSpec.number("id"), FilterSpec.number("user"), FilterSpec.number("role")),
                List.of("id", "user", "role"),
                Scope.GLOBAL, Role.OWNER, Role.OWNER, Role.OWNER, true, new ResourceHooks() {
                    @Override
                    public void check(Caller caller, Grants grants, Entity current, ObjectNode clean, WriteMode mode) {
                        boolean hasUser = clean.hasNonNull("user") || (current != null && !clean.has("user"));
                        if (!hasUser) {
                            throw BodyValidator.nonField("Global_Role must have either user or group");
                        }
                    }
                });
    }

    private static ResourceHooks userHooks(EntityStore store) {
        return new ResourceHooks() {
            @Override
            public Optional<Role> roleOn(Scope scope, Caller caller, Grants grants, Entity user) {
                if (caller.superuser()) {
                    return Optional.of(Role.OWNER);
                }
                if (user.id() == caller.id() || grants.global().isPresent() || sharesAProduct(store, grants, user)) {
                    return Optional.of(Role.READER);
                }
                return Optional.empty();
            }

            @Override
            public void check(Caller caller, Grants grants, Entity current, ObjectNode clean, WriteMode mode) {
                if (mode != WriteMode.CREATE && clean.has("password")) {
                    throw BodyValidator.nonField("Update of password though API is not allowed");
                }
                if (clean.hasNonNull("username") && !USERNAME.matcher(clean.get("username").asText()).matches()) {
                    throw ApiException.field("username", "Enter a valid username. This value may contain only letters, "
                            + "numbers, and @/./+/-/_ characters.");
                }
            }

            @Override
            public void prepare(Caller caller, Entity current, ObjectNode clean) {
                if (current == null) {
                    String password = clean.path("password").asText("");
                    // Django's set_unusable_password: a hash no password can match
                    clean.put("password", password.isEmpty() ? "!" + Passwords.hash(java.util.UUID.randomUUID().toString())
                            : Passwords.hash(password));
                    clean.put("date_joined", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
                    clean.putNull("last_login");
                }
            }

            @Override
            public void checkDelete(Caller caller, Entity user) {
                if (user.id() == caller.id()) {
                    // DefectDojo answers with a bare JSON string here
                    throw new ApiException(400, TextNode.valueOf("Users may not delete themselves"));
                }
            }
        };
    }

    /** Is the user a member of a product type or product the caller can see? */
    static boolean sharesAProduct(EntityStore store, Grants grants, Entity user) {
        for (Entity m : store.all(EntityKind.PRODUCT_TYPE_MEMBER)) {
            if (m.number("user") == user.id() && grants.canSeeProductType(m.number("product_type"))) {
                return true;
            }
        }
        for (Entity m : store.all(EntityKind.PRODUCT_MEMBER)) {
            if (m.number("user") == user.id() && grants.onProduct(m.number("product")).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
