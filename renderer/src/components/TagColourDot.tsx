/** The small round mark of a tag's colour; decorative (the tag's name says what it is). */
export function TagColourDot({ colour }: { colour: string | null }) {
  return <span className={colour === null ? 'tag-dot none' : 'tag-dot'} style={colour === null ? undefined : { background: colour }} aria-hidden="true" />;
}
