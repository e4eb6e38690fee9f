package org.mashfrontdoor.notification.adapters.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.mashfrontdoor.notification.application.AlertSender;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Channel;
import org.mashfrontdoor.notification.domain.Delivery;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email over SMTP. Subject and body hold the alert's summary (references and times), its severity and a link to
 * it: never a child's name or the concern. The Message-ID is stable per delivery, so if a crash makes us send a
 * delivery twice the mail client can drop the copy.
 */
public final class SmtpAlertSender implements AlertSender {

  private final JavaMailSender mail;
  private final String from;
  private final String linkBase;

  public SmtpAlertSender(JavaMailSender mail, String from, String linkBase) {
    this.mail = mail;
    this.from = from;
    this.linkBase = linkBase;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void send(Alert alert, Delivery delivery) throws NotSent {
    try {
      String messageId = "<" + alert.alertId() + "." + delivery.key().hashCode() + "@mash-front-door>";
      MimeMessage message = mail instanceof JavaMailSenderImpl impl ? new MimeMessage(impl.getSession()) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      } : mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
      helper.setFrom(from);
      helper.setTo(delivery.recipient());
      String firstLine = alert.summary().lines().findFirst().orElse(alert.type().name());
      helper.setSubject("[MASH " + alert.severity() + "] " + firstLine);
      helper.setText(alert.summary() + "\n\nAudience: " + alert.audience() + "\nRaised: " + alert.createdAt()
          + "\nOpen and acknowledge: " + linkBase + "/api/v1/alerts/" + alert.alertId() + "\n");
      mail.send(message);
    } catch (MailException | MessagingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new NotSent("SMTP: " + e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")", e);
    }
  }
}
