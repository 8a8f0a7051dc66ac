import { EmptySection } from '../../sections/EmptySection';

/** Not built yet: an honest empty state, never sample figures. */
export default function DispatchPage() {
  return <EmptySection route="dispatch" />;
}
