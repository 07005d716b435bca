package echo;

import java.net.ServerSocket;

public class Echo {

    public String roundTrip(String text) throws Exception {
        try (ServerSocket server = new ServerSocket(7007)) {
            return text;
        }
    }
}
