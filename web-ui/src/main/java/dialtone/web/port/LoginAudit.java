package dialtone.web.port;

/** Hears refused installer logins (a wrong password), so someone trying passwords is noticed. */
public interface LoginAudit {
    LoginAudit NONE = from -> {};

    /** @param from the client's address */
    void refused(String from);
}
