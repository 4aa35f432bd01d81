import { useStore } from '../../state/store';
import { resumeQuestion } from '../../state/labResume';

// The offer of the session saved before a reload: resume it, or start afresh (and forget it).

export function LabResumeOffer() {
  const offer = useStore((s) => s.labSaved);
  const resume = useStore((s) => s.labResume);
  const afresh = useStore((s) => s.labStartAfresh);
  if (!offer) return null;
  return (
    <div role="group" aria-labelledby="lab-resume-question" className="lab-resume">
      <p id="lab-resume-question">
        <strong>{resumeQuestion(offer.iteration)}</strong>{' '}
        {offer.differences.length > 0 ? (
          <>It was trained with other settings: {offer.differences.join(', ')}.</>
        ) : (
          <>A session with these settings was saved in this browser.</>
        )}
      </p>
      <button type="button" onClick={() => void resume()}>
        Resume
      </button>
      <button type="button" onClick={() => void afresh()}>
        Start afresh
      </button>
    </div>
  );
}
