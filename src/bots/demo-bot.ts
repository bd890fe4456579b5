import type { HandoverContext } from '../handover-context.js';
import { handoverRuleSchema } from '../rules/handover-rule-schema.js';
import type { KnowledgeBaseEntry } from '../types.js';

export const DEMO_BOT_ID = 'demo';

/** An online coaching business's FAQ: enough to chat with and to see every trigger fire. */
const DEMO_KNOWLEDGE_BASE: KnowledgeBaseEntry[] = [
  {
    id: 'what-is-coaching',
    questions: ['What do you offer?', 'What is your coaching about?', 'What kind of coaching do you do?', 'Tell me about your services'],
    answer: 'We offer one-to-one online coaching for careers, leadership and wellbeing, by video call, with a plan tailored to your goals.',
  },
  {
    id: 'prices',
    questions: ['How much does coaching cost?', 'What are your prices?', 'How expensive is a session?', 'Pricing', 'What does a package cost?'],
    answer: 'A single 60-minute session is $90. Packages of 5 sessions cost $400 and 10 sessions $750.',
  },
  {
    id: 'book-session',
    questions: ['How do I book a session?', 'Can I schedule a call?', 'How do I make an appointment?', 'Book a coaching session'],
    answer: 'Pick a time on our booking page (Account → Book a session); you get a calendar invite with the video link right away.',
  },
  {
    id: 'reschedule',
    questions: ['Can I reschedule my session?', 'How do I move my appointment?', 'I need to change the time of my session'],
    answer: 'You can reschedule for free up to 24 hours before the session from Account → My sessions.',
  },
  {
    id: 'free-trial',
    questions: ['Do you offer a free trial?', 'Is the first session free?', 'Can I try before I pay?', 'Do you have a discovery call?'],
    answer: 'Yes: the first 20-minute discovery call is free, so you can meet your coach before you commit.',
  },
  {
    id: 'coaches',
    questions: ['Who are your coaches?', 'Are your coaches certified?', 'What qualifications do the coaches have?', 'Can I choose my coach?'],
    answer: 'All our coaches are ICF-certified with at least five years of practice. You can pick your coach from their profiles.',
  },
  {
    id: 'session-length',
    questions: ['How long is a session?', 'How long do sessions last?', 'What is the session duration?'],
    answer: 'Sessions last 60 minutes; discovery calls last 20 minutes.',
  },
  {
    id: 'payment-methods',
    questions: ['What payment methods do you accept?', 'Can I pay with PayPal?', 'Do you take credit cards?', 'How can I pay?'],
    answer: 'We accept all major credit cards, PayPal and Apple Pay. Packages can be paid in two instalments.',
  },
  {
    id: 'opening-hours',
    questions: ['What are your opening hours?', 'When are you open?', 'What times are sessions available?', 'Do you work on weekends?'],
    answer: 'Sessions are available 7am to 9pm (your time zone), Monday to Saturday.',
  },
  {
    id: 'technology',
    questions: ['What do I need for a session?', 'Which video app do you use?', 'Do I need to install anything?', 'Does it work on my phone?'],
    answer: 'Just a browser or our mobile app: sessions run on our built-in video room, no install needed.',
  },
  {
    id: 'languages',
    questions: ['Which languages do you coach in?', 'Do you offer coaching in Spanish?', 'Can I have sessions in French?'],
    answer: 'Coaching is available in English, Spanish, French and German.',
  },
  {
    id: 'gift',
    questions: ['Can I buy a gift card?', 'Do you sell gift vouchers?', 'Can I offer coaching as a gift?'],
    answer: 'Yes, gift cards for 1, 5 or 10 sessions are on our website under Gifts.',
  },
];

/** Created on first start (never overwritten, so what staff change sticks). */
export async function ensureDemoBot(ctx: HandoverContext, options: { slackChannel: string | null }): Promise<void> {
  const rule = handoverRuleSchema.parse({
    name: 'default',
    triggers: ['contact_request', 'lack_of_information', 'failed_resolution', 'sensitive_topic'],
    assign: { mode: 'claim' },
  });
  const created = await ctx.bots.create({
    id: DEMO_BOT_ID,
    name: 'Bright Path Coaching (demo)',
    labs: true,
    handover: true,
    slackChannel: options.slackChannel,
    failedTurnsBeforeHandover: 2,
    knowledgeBase: DEMO_KNOWLEDGE_BASE,
    rules: [rule],
  });
  if (created) ctx.log.info({ botId: DEMO_BOT_ID }, 'demo bot created');
  else if (options.slackChannel) await ctx.bots.setSlackChannelIfUnset(DEMO_BOT_ID, options.slackChannel);
}
