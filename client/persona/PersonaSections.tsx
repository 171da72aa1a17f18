import { ListField, SliderField, TextAreaField, TextField } from "./fields";
import { Section } from "./Section";

export function IdentitySection() {
  return (
    <Section title="Who they are">
      <div className="persona-row">
        <TextField path="name" label="Name" maxLength={40} />
        <TextField path="pronouns" label="Pronouns" maxLength={30} />
      </div>
      <div className="persona-row">
        <TextField path="relationshipType" label="Relationship" hint="friend, mentor, sibling…" maxLength={40} />
        <TextField path="language" label="Language" hint="e.g. en, pt-BR" maxLength={35} />
      </div>
      <TextAreaField path="backstory" label="Backstory" maxLength={2000} />
    </Section>
  );
}

export function PersonalitySection() {
  return (
    <Section title="Personality">
      <SliderField path="bigFive.openness" label="Openness" low="Prefers the familiar" high="Curious, imaginative" />
      <SliderField path="bigFive.conscientiousness" label="Conscientiousness" low="Easy-going, spontaneous" high="Organised, dependable" />
      <SliderField path="bigFive.extraversion" label="Extraversion" low="Quiet, reserved" high="Outgoing, energetic" />
      <SliderField path="bigFive.agreeableness" label="Agreeableness" low="Blunt, challenging" high="Warm, accommodating" />
      <SliderField path="bigFive.neuroticism" label="Emotional sensitivity" low="Calm, steady" high="Sensitive, easily worried" />
    </Section>
  );
}

export function SpeakingSection() {
  return (
    <Section title="How they talk">
      <SliderField path="speakingStyle.formality" label="Formality" low="Casual" high="Formal" />
      <SliderField path="speakingStyle.humour" label="Humour" low="Serious" high="Playful" />
      <SliderField path="speakingStyle.verbosity" label="Length of replies" low="Brief" high="Chatty" />
      <SliderField path="initiative" label="Initiative" low="Waits to be spoken to" high="Starts conversations often" />
      <ListField path="speakingStyle.quirks" label="Quirks" separator={"\n"} />
    </Section>
  );
}

export function InterestsSection() {
  return (
    <Section title="What matters to them">
      <ListField path="interests" label="Interests" separator="," />
      <ListField path="values" label="Values" separator="," />
      <ListField path="boundaries.topics" label="Topics they avoid" separator="," />
      <TextField path="boundaries.handling" label="When those come up, they…" maxLength={300} />
    </Section>
  );
}

export function VoiceSection() {
  return (
    <Section title="Voice">
      <div className="persona-row">
        <TextField path="voice.id" label="Voice id" hint="a TTS voice name" maxLength={64} />
        <SliderField path="voice.speed" label="Speed" low="Slower" high="Faster" min={0.5} max={2} step={0.05} />
      </div>
    </Section>
  );
}
