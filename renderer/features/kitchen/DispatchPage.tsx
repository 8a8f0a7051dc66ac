import { useRoute } from '../../shell/useRoute';
import { DispatchDetail } from './components/DispatchDetail';
import { DispatchList } from './components/DispatchList';

/** 配送: the list of dispatches, or one dispatch at `#/dispatch/<id>`. */
export default function DispatchPage() {
  const { rest } = useRoute();
  const dispatchId = rest[0];
  return (
    <div data-testid="section-dispatch">{dispatchId ? <DispatchDetail key={dispatchId} dispatchId={dispatchId} /> : <DispatchList />}</div>
  );
}
