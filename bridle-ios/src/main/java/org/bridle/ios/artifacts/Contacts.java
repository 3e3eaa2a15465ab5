package org.bridle.ios.artifacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bridle.core.artifact.Artifact;
import org.bridle.core.artifact.Emitter;
import org.bridle.core.artifact.ParseContext;
import org.bridle.core.io.SqlRow;
import org.bridle.core.io.SqliteEvidence;
import org.bridle.core.model.Observable;
import org.bridle.core.source.DevicePath;
import org.bridle.core.source.EvidenceFile;

/**
 * {@code contacts}: the address book, one entry per phone number, e-mail address, URL or other value of a person
 * ({@code ABPerson} joined with {@code ABMultiValue}) from AddressBook.sqlitedb. Labels come from
 * {@code ABMultiValueLabel} where the database has it.
 */
public final class Contacts implements Artifact<Contacts.Contact> {
    private static final Map<Long, String> PROPERTIES = Map.of(3L, "phone", 4L, "email", 5L, "address", 22L, "url",
            46L, "social_profile", 13L, "instant_message");

    /**
     * One value of a person; what the database version does not record is null.
     *
     * @param personId the person's ROWID
     * @param first the first name
     * @param middle the middle name
     * @param last the last name
     * @param organization the organization
     * @param property what the value is: {@code phone}, {@code email}, {@code url}, …, or the property code
     * @param label its label, such as {@code _$!<Mobile>!$_}
     * @param value the phone number, address, URL, …
     * @param creationDate when the person was added
     * @param modificationDate when the person was last changed
     */
    public record Contact(Long personId, String first, String middle, String last, String organization,
                          String property, String label, String value, Instant creationDate,
                          Instant modificationDate) {
    }

    @Override
    public String id() {
        return "contacts";
    }

    @Override
    public String description() {
        return "Address book entries (phone numbers, e-mail addresses, URLs) from AddressBook.sqlitedb";
    }

    @Override
    public List<DevicePath> locations() {
        return List.of(DevicePath.of("private/var/mobile/Library/AddressBook/AddressBook.sqlitedb"));
    }

    @Override
    public void parse(EvidenceFile file, ParseContext context, Emitter<Contact> out) throws Exception {
        try (SqliteEvidence db = context.database(file, out)) {
            if (!db.hasTable("ABPerson") || !db.hasColumn("ABMultiValue", "record_id")) {
                out.note("AddressBook.sqlitedb has no ABPerson and ABMultiValue tables");
                return;
            }
            List<String> select = new ArrayList<>(List.of("p.ROWID AS person_id"));
            for (String column : List.of("First", "Middle", "Last", "Organization", "CreationDate",
                    "ModificationDate")) {
                select.add(db.columnOrNull("ABPerson", "p", column) + " AS " + column);
            }
            select.add(db.columnOrNull("ABMultiValue", "m", "property") + " AS property");
            select.add(db.columnOrNull("ABMultiValue", "m", "value") + " AS value");
            String from = " FROM ABPerson p JOIN ABMultiValue m ON m.record_id = p.ROWID";
            if (db.hasColumn("ABMultiValue", "label") && db.hasColumn("ABMultiValueLabel", "value")) {
                select.add("l.value AS label");
                from += " LEFT JOIN ABMultiValueLabel l ON l.ROWID = m.label";
            }
            db.query("SELECT " + String.join(", ", select) + from + " WHERE "
                    + db.columnOrNull("ABMultiValue", "m", "value") + " IS NOT NULL ORDER BY p.ROWID, m.ROWID",
                    row -> out.entry(contact(row)));
        }
    }

    private static Contact contact(SqlRow row) throws Exception {
        Long property = row.integer("property");
        return new Contact(row.integer("person_id"), row.string("First"), row.string("Middle"), row.string("Last"),
                row.string("Organization"),
                property == null ? null : PROPERTIES.getOrDefault(property, String.valueOf(property)),
                row.string("label"), row.string("value"), row.cocoaTime("CreationDate"),
                row.cocoaTime("ModificationDate"));
    }

    @Override
    public List<Observable> observables(Contact contact) {
        if ("email".equals(contact.property())) {
            return List.of(Observable.email(contact.value()));
        }
        if ("url".equals(contact.property())) {
            return List.of(Observable.url(contact.value()));
        }
        return List.of();
    }
}
