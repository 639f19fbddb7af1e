package app.homeward.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
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
                                @Value("${spring.mail.host:}") String host,
                                @Value("${homeward.mail.from}") String from) {
        if (StringUtils.hasText(host)) {
            return new SmtpTransport(sender.getIfAvailable(JavaMailSenderImpl::new), from);
        }
        return devMailbox::deliver;
    }
}
