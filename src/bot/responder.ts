/** The bot port: a knowledge base today, an LLM or an external bot tomorrow. */
export interface KnowledgeBaseEntry {
  id: string;
  questions: string[];
  answer: string;
}

export interface BotAnswer {
  answered: boolean;
  entryId: string | null;
  answer: string | null;
  /** 0..1: how sure the bot is that this entry answers the message. */
  confidence: number;
}

export interface Responder {
  answer(text: string): BotAnswer;
}
