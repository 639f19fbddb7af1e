package app.homeward.mail;

/** Where rendered mail goes: an SMTP server, or the development mailbox when none is configured. */
interface MailTransport {

    void deliver(MailMessage message) throws Exception;
}
