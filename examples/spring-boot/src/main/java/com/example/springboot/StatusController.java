package com.example.springboot;

import dev.jchat.embedded.Chat;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One of the application's own controllers, beside the chat's API, using the chat bean. */
@RestController
class StatusController {
  private final Chat chat;

  StatusController(Chat chat) {
    this.chat = chat;
  }

  @GetMapping("/status")
  Map<String, Object> status() {
    return Map.of("application", "up", "chatConnections", chat.connectionCount());
  }
}
