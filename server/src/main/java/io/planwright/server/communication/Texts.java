package io.planwright.server.communication;

/** The e-mail HTML as plain text, for the text part of a message and for chat webhooks. */
final class Texts {

    private Texts() {
    }

    static String plain(String html) {
        String s = html.replaceAll("(?is)<head>.*?</head>", "")
                .replaceAll("(?i)<li[^>]*>", "• ")
                .replaceAll("(?i)</(p|h1|h2|li|tr|ul|table)>", "\n")
                .replaceAll("(?i)</t[hd]>", " ")
                .replaceAll("<[^>]+>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").trim();
    }
}
