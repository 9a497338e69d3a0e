package cn.lianban.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads parts out of received messages. */
final class Mails {

    private Mails() {
    }

    static List<Part> leaves(Part part) throws MessagingException, IOException {
        List<Part> out = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                out.addAll(leaves(mp.getBodyPart(i)));
            }
        } else {
            out.add(part);
        }
        return out;
    }

    static Part first(Part message, String mimeType) throws MessagingException, IOException {
        return leaves(message).stream().filter(p -> {
            try {
                return p.isMimeType(mimeType);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no " + mimeType + " part"));
    }

    static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
