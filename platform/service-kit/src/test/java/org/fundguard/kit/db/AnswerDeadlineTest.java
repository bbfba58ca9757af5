package org.fundguard.kit.db;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerDeadlineTest {

    @Test
    void anAnswerEndsWithReadyForQuery() {
        // CommandComplete "BEGIN", then ReadyForQuery in a transaction
        byte[] answer = {'C', 0, 0, 0, 10, 'B', 'E', 'G', 'I', 'N', 0, 'Z', 0, 0, 0, 5, 'T'};
        assertThat(AnswerDeadline.endsWithReadyForQuery(Unpooled.wrappedBuffer(answer))).isTrue();
        assertThat(AnswerDeadline.endsWithReadyForQuery(Unpooled.wrappedBuffer(new byte[] {'Z', 0, 0, 0, 5, 'I'}))).isTrue();
    }

    @Test
    void aPartOfAnAnswerIsOnlyProgress() {
        byte[] rowOnly = {'D', 0, 0, 0, 6, 0, 0};
        assertThat(AnswerDeadline.endsWithReadyForQuery(Unpooled.wrappedBuffer(rowOnly))).isFalse();
        assertThat(AnswerDeadline.endsWithReadyForQuery(Unpooled.wrappedBuffer(new byte[] {'Z', 0, 0, 0, 5, 'X'}))).isFalse();
        assertThat(AnswerDeadline.endsWithReadyForQuery(Unpooled.wrappedBuffer(new byte[] {0, 0, 5, 'I'}))).isFalse();
    }
}
