package app.homeward.mail;

import app.homeward.base.SharedBuckets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/** SMTP when SMTP_HOST is set, the in-memory development mailbox otherwise. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    DevMailbox devMailbox() {
        return new DevMailbox();
    }

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, DevMailbox devMailbox,
                                ObjectProvider<MailProperties> smtp, MailSettings settings, SharedBuckets buckets) {
        if (smtpConfigured(smtp)) {
            MailTransport transport = new SmtpTransport(sender.getIfAvailable(JavaMailSenderImpl::new), settings.from());
            // a relay's sending cap holds across instances: one bucket in the database (CappedTransport)
            return settings.maxPerSecond() > 0 ? new CappedTransport(transport, buckets, settings.maxPerSecond()) : transport;
        }
        return devMailbox::deliver;
    }

    /** SMTP_HOST is set: Spring Boot's own {@code spring.mail.host}, read from Spring Boot's own properties. */
    static boolean smtpConfigured(ObjectProvider<MailProperties> smtp) {
        MailProperties properties = smtp.getIfAvailable();
        return properties != null && StringUtils.hasText(properties.getHost());
    }
}
