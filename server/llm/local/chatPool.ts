import { LlamaChat, type LlamaContext, type LlamaContextSequence } from "node-llama-cpp";

/**
 * One chat per context sequence, kept between generations: a sequence keeps the tokens it last
 * evaluated, so the next prompt that starts the same way (the persona block, earlier turns) only
 * evaluates what is new. On a CPU that is the difference between seconds and a minute per reply.
 * The generation queue admits no more generations than there are sequences.
 */
export class ChatPool {
  private readonly free: LlamaChat[] = [];
  /** Tokens evaluated by chats that were replaced, so the total below never goes back. */
  private retiredInputTokens = 0;
  /** The sequence is kept beside its chat: a disposed chat no longer hands it out. */
  private readonly all = new Map<LlamaChat, LlamaContextSequence>();

  constructor(private readonly context: LlamaContext) {
    for (let i = 0; i < context.totalSequences; i++) this.free.push(this.newChat());
  }

  /** Prompt tokens the model has evaluated so far; what a warm sequence reuses is not counted again. */
  get evaluatedInputTokens(): number {
    let total = this.retiredInputTokens;
    for (const sequence of this.all.values()) total += sequence.tokenMeter.usedInputTokens;
    return total;
  }

  /** The most recently returned chat first: its tokens are likeliest to match the next prompt. */
  take(): LlamaChat {
    const chat = this.free.pop();
    if (!chat) throw new Error("no free context sequence: more generations than the queue allows");
    return chat;
  }

  give(chat: LlamaChat): void {
    if (!chat.disposed) return void this.free.push(chat);
    // A chat that broke (and disposed itself) is replaced, so the pool never shrinks.
    this.retiredInputTokens += this.all.get(chat)?.tokenMeter.usedInputTokens ?? 0;
    this.all.delete(chat);
    this.free.push(this.newChat());
  }

  private newChat(): LlamaChat {
    const sequence = this.context.getSequence();
    const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: true });
    this.all.set(chat, sequence);
    return chat;
  }
}
