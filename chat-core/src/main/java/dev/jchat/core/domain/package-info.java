/** Public API: the values the ports and the API take and return (users, messages, outcomes, codes). */
package dev.jchat.core.domain;
