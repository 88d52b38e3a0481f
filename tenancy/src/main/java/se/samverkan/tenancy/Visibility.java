package se.samverkan.tenancy;

/**
 * Who may see a row (DESIGN.md §4). A table is classified by the most protected rows it can hold: a meeting is MEMBERS
 * data until its notice is sent, then PUBLIC.
 */
public enum Visibility {
    /** Anyone, anonymous included: the structure, sent notices and agendas, published minutes. */
    PUBLIC,
    /** The body's members across parties: submitted matters, documents, drafts. */
    MEMBERS,
    /** One party only: its inbox handling, its answers before they are sent. Row-level security in PostgreSQL. */
    PARTY,
    /** The body's secretariat and the administrators: the audit trail. */
    SECRETARIAT,
    /** The service's own bookkeeping, never served as rows: the outbox, cursors, migrations, webhook registrations. */
    SERVICE
}
